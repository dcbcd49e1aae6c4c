"""Turning raw digits (synthetic or real MNIST) into the tensors that training reads."""
