// ClassicalML works on `TabularDataset`s (Iris.load(), Synthetic.moons(…)), so importing the
// engine brings the datasets along.
@_exported import Datasets
