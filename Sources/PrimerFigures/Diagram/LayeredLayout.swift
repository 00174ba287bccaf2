/// Places a directed graph's nodes in layers: cycles broken by reversing depth-first back
/// edges, layers by longest path, edges spanning several layers routed through dummy
/// vertices, and the order inside each layer improved by barycentre sweeps.
///
///     let layout = LayeredLayout(nodeCount: 3, edges: [(0, 1), (0, 2), (1, 2)])
///     layout.layers   // [[0], [1, 3], [2]] — 3 is the dummy on the edge 0 → 2
struct LayeredLayout {
    /// One edge as the layout draws it: vertices from the upper layer to the lower one.
    struct Route {
        /// Index into the edge list given to `init`.
        let edge: Int
        let vertices: [Int]
        /// True when the edge points upward (it was reversed to break a cycle).
        let reversed: Bool
    }

    /// Real nodes are `0..<nodeCount`; higher vertices are dummies.
    let nodeCount: Int
    private(set) var layers: [[Int]] = []
    private(set) var layerOf: [Int] = []
    private(set) var routes: [Route] = []

    var vertexCount: Int { layerOf.count }
    func isDummy(_ vertex: Int) -> Bool { vertex >= nodeCount }

    /// `edges` are (from, to) node indices; self-loops are left out of the layout.
    init(nodeCount: Int, edges: [(Int, Int)]) {
        self.nodeCount = nodeCount
        let reversed = LayeredLayout.backEdges(nodeCount: nodeCount, edges: edges)
        let directed = edges.enumerated().compactMap { index, edge -> (edge: Int, from: Int, to: Int)? in
            guard edge.0 != edge.1 else { return nil }
            return reversed.contains(index) ? (index, edge.1, edge.0) : (index, edge.0, edge.1)
        }
        let rank = LayeredLayout.longestPathRanks(nodeCount: nodeCount, edges: directed.map { ($0.from, $0.to) })
        layerOf = rank
        layers = Array(repeating: [], count: (rank.max() ?? -1) + 1)
        for node in 0..<nodeCount { layers[rank[node]].append(node) }
        for edge in directed {
            var chain = [edge.from]
            for layer in (rank[edge.from] + 1)..<rank[edge.to] {
                let dummy = layerOf.count
                layerOf.append(layer)
                layers[layer].append(dummy)
                chain.append(dummy)
            }
            chain.append(edge.to)
            routes.append(Route(edge: edge.edge, vertices: chain, reversed: reversed.contains(edge.edge)))
        }
        orderByBarycentre()
    }

    /// Edges that close a cycle in a depth-first search from each node in order.
    private static func backEdges(nodeCount: Int, edges: [(Int, Int)]) -> Set<Int> {
        var outgoing = Array(repeating: [Int](), count: nodeCount)
        for (index, edge) in edges.enumerated() where edge.0 != edge.1 { outgoing[edge.0].append(index) }
        var state = Array(repeating: 0, count: nodeCount)  // 0 unseen, 1 on the stack, 2 finished
        var reversed = Set<Int>()
        func visit(_ node: Int) {
            state[node] = 1
            for index in outgoing[node] {
                let next = edges[index].1
                if state[next] == 1 { reversed.insert(index) } else if state[next] == 0 { visit(next) }
            }
            state[node] = 2
        }
        for node in 0..<nodeCount where state[node] == 0 { visit(node) }
        return reversed
    }

    /// Each node's layer: one more than the deepest of its predecessors (sources at 0).
    private static func longestPathRanks(nodeCount: Int, edges: [(Int, Int)]) -> [Int] {
        var incoming = Array(repeating: 0, count: nodeCount)
        var outgoing = Array(repeating: [Int](), count: nodeCount)
        for (from, to) in edges {
            incoming[to] += 1
            outgoing[from].append(to)
        }
        var rank = Array(repeating: 0, count: nodeCount)
        var queue = (0..<nodeCount).filter { incoming[$0] == 0 }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in outgoing[node] {
                rank[next] = max(rank[next], rank[node] + 1)
                incoming[next] -= 1
                if incoming[next] == 0 { queue.append(next) }
            }
        }
        return rank
    }

    /// Pairs of vertices in adjacent layers joined by a route.
    var hops: [(upper: Int, lower: Int)] {
        routes.flatMap { route in zip(route.vertices, route.vertices.dropFirst()).map { (upper: $0, lower: $1) } }
    }

    /// Alternating downward and upward sweeps that sort each layer by the mean position of its
    /// neighbours in the layer just swept; the order with fewest crossings wins.
    private mutating func orderByBarycentre() {
        guard layers.count > 1 else { return }
        var above: [Int: [Int]] = [:]
        var below: [Int: [Int]] = [:]
        for hop in hops {
            below[hop.upper, default: []].append(hop.lower)
            above[hop.lower, default: []].append(hop.upper)
        }
        var best = layers
        var fewest = crossings()
        for sweep in 0..<8 {
            let downward = sweep % 2 == 0
            let order = downward ? Array(1..<layers.count) : Array((0..<(layers.count - 1)).reversed())
            for layer in order {
                let reference = layers[downward ? layer - 1 : layer + 1]
                var position: [Int: Int] = [:]
                for (index, vertex) in reference.enumerated() { position[vertex] = index }
                let keyed = layers[layer].enumerated().map { index, vertex -> (key: Double, index: Int, vertex: Int) in
                    let neighbours = (downward ? above[vertex] : below[vertex]) ?? []
                    guard !neighbours.isEmpty else { return (Double(index), index, vertex) }
                    let sum = neighbours.reduce(0) { $0 + (position[$1] ?? 0) }
                    return (Double(sum) / Double(neighbours.count), index, vertex)
                }
                layers[layer] = keyed.sorted { ($0.key, $0.index) < ($1.key, $1.index) }.map(\.vertex)
            }
            let count = crossings()
            if count < fewest {
                best = layers
                fewest = count
            }
        }
        layers = best
    }

    /// How many pairs of hops cross between adjacent layers.
    func crossings() -> Int {
        var position = Array(repeating: 0, count: vertexCount)
        for layer in layers { for (index, vertex) in layer.enumerated() { position[vertex] = index } }
        let all = hops
        var count = 0
        for i in all.indices {
            for j in all.indices where j > i && layerOf[all[i].upper] == layerOf[all[j].upper] {
                let a = position[all[i].upper] - position[all[j].upper]
                let b = position[all[i].lower] - position[all[j].lower]
                if a * b < 0 { count += 1 }
            }
        }
        return count
    }
}
