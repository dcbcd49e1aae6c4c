"""The MNIST project's code: `src.data` makes the data set, `src.models` trains and predicts."""
