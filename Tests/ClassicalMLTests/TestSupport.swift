import Foundation
import Testing
@testable import ClassicalML

/// The scikit-learn reference values made by `Fixtures/make_fixtures.py`.
enum Reference {
    static let json: [String: Any] = {
        let url = Bundle.module.url(forResource: "sklearn_reference", withExtension: "json", subdirectory: "Fixtures")
            ?? Bundle.module.url(forResource: "sklearn_reference", withExtension: "json")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    static func entry(_ name: String) -> [String: Any] { json[name] as! [String: Any] }
    static func numbers(_ name: String, _ key: String) -> [Double] { (entry(name)[key] as! [NSNumber]).map(\.doubleValue) }
    static func table(_ name: String, _ key: String) -> [[Double]] {
        (entry(name)[key] as! [[NSNumber]]).map { $0.map(\.doubleValue) }
    }
    static func number(_ name: String, _ key: String) -> Double { (entry(name)[key] as! NSNumber).doubleValue }
    static func integers(_ name: String, _ key: String) -> [Int] { (entry(name)[key] as! [NSNumber]).map(\.intValue) }
}

/// Features standardised with population statistics, as the fixture script does.
func standardised(_ x: Matrix) -> Matrix {
    try! StandardScaler().fitTransform(x)
}

/// The fixture script's split: every fourth row is a test row.
func fixedSplit(_ x: Matrix, _ y: [Int]) -> (trainX: Matrix, trainY: [Int], testX: Matrix, testY: [Int]) {
    let test = (0..<y.count).filter { $0 % 4 == 0 }
    let train = (0..<y.count).filter { $0 % 4 != 0 }
    return (x.rows(train), train.map { y[$0] }, x.rows(test), test.map { y[$0] })
}

/// The largest absolute difference between two equally long lists.
func largestDifference(_ a: [Double], _ b: [Double]) -> Double {
    #expect(a.count == b.count)
    return zip(a, b).map { abs($0 - $1) }.max() ?? 0
}

/// The fraction of positions where two label lists agree.
func agreement(_ a: [Int], _ b: [Int]) -> Double { accuracy(a, b) }
