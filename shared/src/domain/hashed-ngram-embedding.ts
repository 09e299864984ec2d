import { foldForSearch } from './fold-for-search';

/** Dimensions of the built-in embedder; the same as `all-minilm`, so either fills one index. */
export const EMBEDDING_DIMENSIONS = 384;

/** 32-bit FNV-1a: fast, stable across runtimes, good enough spread for feature hashing. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The offline embedder: hashed character n-grams (3 to 5 letters, word boundaries marked) of the
 * folded text, signed feature hashing into 384 dimensions, L2-normalised. Polish inflects word
 * endings, so "leasing", "leasingu" and "leasingiem" share most of their n-grams and land close
 * together; diacritics are folded away, so "ładowarka" and "ladowarka" are the same.
 * Empty text gives the zero vector.
 */
export function embedHashedNgrams(text: string): Float32Array {
  const vector = new Float32Array(EMBEDDING_DIMENSIONS);
  for (const word of foldForSearch(text).split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    const marked = `^${word}$`;
    for (let n = 3; n <= 5; n++) {
      for (let i = 0; i + n <= marked.length; i++) {
        const hash = fnv1a(marked.slice(i, i + n));
        vector[hash % EMBEDDING_DIMENSIONS]! += hash & 0x80000000 ? -1 : 1;
      }
    }
  }
  return normalizeL2(vector);
}

/** Scales a vector in place to length 1 (the zero vector stays zero), so cosine similarity is a dot product. */
export function normalizeL2(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let i = 0; i < vector.length; i++) vector[i]! *= scale;
  }
  return vector;
}

/** Cosine similarity of two L2-normalised vectors (their dot product). */
export function cosineSimilarity(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}
