import type { IndexedVector, VectorHit, VectorIndex } from '../../modules/knowledge/ports';

type Snapshot = {
  embedderId: string;
  dimensions: number;
  ids: string[];
  /** Row-major, rows × dimensions, every row L2-normalised: a dot product is the cosine. */
  matrix: Float32Array;
  /** Per row, the index of its module in `modules`; -1 for none. */
  moduleOfRow: Int32Array;
  modules: Map<string, number>;
};

/**
 * Exact nearest-neighbour search over one contiguous matrix: a linear scan is a few milliseconds
 * at 10,000 × 384, which is more than a sales knowledge base holds, so no approximate index.
 */
export function createMemoryIndex(): VectorIndex {
  let snapshot: Snapshot | null = null;

  return {
    kind: 'memory',
    async embedderId() {
      return snapshot?.embedderId ?? null;
    },
    async count() {
      return snapshot?.ids.length ?? 0;
    },
    async replaceAll(embedder, entries) {
      snapshot = build(embedder, entries); // built aside, swapped at once: searches never see half of it
    },
    async search(vector, limit, filter) {
      if (!snapshot || limit < 1 || filter?.modules?.length === 0) return [];
      const { dimensions, matrix, ids, moduleOfRow } = snapshot;
      if (vector.length !== dimensions) {
        throw new RangeError(`the query has ${vector.length} dimensions, the index ${dimensions} (${snapshot.embedderId})`);
      }
      const query = normalised(vector);
      if (!query) return [];
      const allowed = filter?.modules && allowedModules(snapshot.modules, filter.modules);
      const sparse = nonZeros(query);

      // Best `k` so far, sorted descending; an insertion step is cheap for the small `k` of retrieval.
      const k = Math.min(Math.floor(limit), ids.length);
      const bestScores = new Float64Array(k).fill(-Infinity);
      const bestRows = new Int32Array(k).fill(-1);
      for (let row = 0, offset = 0; row < ids.length; row++, offset += dimensions) {
        if (allowed && !allowed.has(moduleOfRow[row]!)) continue;
        const dot = sparse ? sparseDot(matrix, offset, sparse) : denseDot(matrix, offset, query);
        if (dot <= bestScores[k - 1]!) continue;
        let at = k - 1;
        while (at > 0 && bestScores[at - 1]! < dot) {
          bestScores[at] = bestScores[at - 1]!;
          bestRows[at] = bestRows[at - 1]!;
          at--;
        }
        bestScores[at] = dot;
        bestRows[at] = row;
      }
      const hits: VectorHit[] = [];
      for (let i = 0; i < k && bestRows[i]! >= 0; i++) hits.push({ id: ids[bestRows[i]!]!, score: bestScores[i]! });
      return hits;
    },
  };
}

function build(embedder: { id: string; dimensions: number }, entries: IndexedVector[]): Snapshot {
  const { dimensions } = embedder;
  if (!Number.isInteger(dimensions) || dimensions < 1) throw new RangeError(`dimensions must be a positive integer, not ${dimensions}`);
  const matrix = new Float32Array(entries.length * dimensions);
  const moduleOfRow = new Int32Array(entries.length);
  const modules = new Map<string, number>();
  const seen = new Set<string>();
  entries.forEach((entry, row) => {
    if (seen.has(entry.id)) throw new Error(`duplicate vector id ${entry.id}`);
    seen.add(entry.id);
    if (entry.vector.length !== dimensions) {
      throw new RangeError(`vector ${entry.id} has ${entry.vector.length} dimensions, ${embedder.id} makes ${dimensions}`);
    }
    const unit = normalised(entry.vector);
    if (unit) matrix.set(unit, row * dimensions); // a zero vector stays zero: similar to nothing
    if (entry.module === null) moduleOfRow[row] = -1;
    else {
      if (!modules.has(entry.module)) modules.set(entry.module, modules.size);
      moduleOfRow[row] = modules.get(entry.module)!;
    }
  });
  return { embedderId: embedder.id, dimensions, ids: entries.map((e) => e.id), matrix, moduleOfRow, modules };
}

function allowedModules(known: Map<string, number>, wanted: string[]): Set<number> {
  const allowed = new Set<number>();
  for (const module of wanted) {
    const code = known.get(module);
    if (code !== undefined) allowed.add(code);
  }
  return allowed;
}

/**
 * The query's non-zero coordinates when they are few (the offline embedder fills about one in
 * ten): the scan then touches only those columns.
 */
function nonZeros(query: Float32Array): { at: Int32Array; values: Float32Array } | null {
  let count = 0;
  for (const x of query) if (x !== 0) count++;
  if (count > query.length / 4) return null;
  const at = new Int32Array(count);
  const values = new Float32Array(count);
  for (let i = 0, j = 0; i < query.length; i++) {
    if (query[i] !== 0) {
      at[j] = i;
      values[j++] = query[i]!;
    }
  }
  return { at, values };
}

function sparseDot(matrix: Float32Array, offset: number, query: { at: Int32Array; values: Float32Array }): number {
  let dot = 0;
  for (let j = 0; j < query.at.length; j++) dot += matrix[offset + query.at[j]!]! * query.values[j]!;
  return dot;
}

/** Four products per step: the JIT keeps the partial sums in registers. */
function denseDot(matrix: Float32Array, offset: number, query: Float32Array): number {
  const n = query.length;
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const o = offset + i;
    a += matrix[o]! * query[i]!;
    b += matrix[o + 1]! * query[i + 1]!;
    c += matrix[o + 2]! * query[i + 2]!;
    d += matrix[o + 3]! * query[i + 3]!;
  }
  for (; i < n; i++) a += matrix[offset + i]! * query[i]!;
  return a + b + c + d;
}

/** The unit vector in the direction of `vector`, or null for the zero vector (it has no direction). */
function normalised(vector: Float32Array): Float32Array | null {
  let norm = 0;
  for (let i = 0; i < vector.length; i++) norm += vector[i]! * vector[i]!;
  if (!(norm > 0)) return null;
  const scale = 1 / Math.sqrt(norm);
  return vector.map((x) => x * scale);
}
