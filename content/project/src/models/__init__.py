"""The network, the training script and the prediction script."""
