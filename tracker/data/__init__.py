"""The data a workspace is filled with: the demo (`tracker.data.demo`) and the benchmark's
generated data (`tracker.data.bench`), each as data files read by small loaders."""
