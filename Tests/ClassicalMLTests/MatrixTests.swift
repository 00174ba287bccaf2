import Testing
@testable import ClassicalML

@Suite struct MatrixTests {
    @Test func shapesSubscriptsAndSlices() {
        let x = Matrix([[1, 2], [3, 4], [5, 6]])
        #expect(x.rows == 3 && x.columns == 2)
        #expect(x[1, 0] == 3)
        #expect(x.row(2) == [5, 6])
        #expect(x.column(1) == [2, 4, 6])
        #expect(x.rows([2, 0]) == Matrix([[5, 6], [1, 2]]))
        #expect(x.columns([1]) == Matrix([[2], [4], [6]]))
        #expect(x.transposed() == Matrix([[1, 3, 5], [2, 4, 6]]))
    }

    @Test func productsGoThroughBLAS() {
        let a = Matrix([[1, 2, 3], [4, 5, 6]])
        let b = Matrix([[1, 0], [0, 1], [1, 1]])
        #expect(a * b == Matrix([[4, 5], [10, 11]]))
        #expect(a.multiplied(by: a, transposeSelf: true) == a.transposed() * a)
        #expect(a.multiplied(by: [1, 1, 1]) == [6, 15])
    }

    @Test func columnStatistics() {
        let x = Matrix([[1, 10], [3, 10], [5, 40]])
        #expect(x.columnMeans == [3, 20])
        #expect(abs(x.columnVariances[0] - 8.0 / 3.0) < 1e-12)
        #expect(x.columnMinimums == [1, 10])
        #expect(x.columnMaximums == [5, 40])
    }

    @Test func datasetViews() {
        let iris = Iris.load()
        #expect(iris.x.rows == 150 && iris.x.columns == 4)
        #expect(iris.y.count == 150 && Set(iris.y) == [0, 1, 2])
    }
}
