// What every chapter sees: the engines, the data sets and the figure types, plus the helpers
// in this module (`show`, `showMath`, progress). Chapters import this module implicitly.
@_exported import ClassicalML
@_exported import Foundation
@_exported import Datasets
@_exported import DeepLearning
@_exported import NumericCore
@_exported import PrimerFigures
