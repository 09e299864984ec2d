import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Qdrant stand-in speaking its REST protocol (the subset `@qdrant/js-client-rest` 1.19 uses for
 * a single unnamed vector per point): collections with metadata, upsert, query/search with payload
 * filters, count. Responses use Qdrant's envelope `{ result, status: "ok", time }`, errors its
 * `{ status: { error }, time }` with the same HTTP codes and messages. Search is exact.
 */
export type QdrantDouble = {
  url: string;
  /** Every request, in order, for assertions about batching and flags. */
  requests: RecordedRequest[];
  close: () => Promise<void>;
};

export type RecordedRequest = { method: string; path: string; query: Record<string, string>; body: unknown };

type Distance = 'Cosine' | 'Dot' | 'Euclid' | 'Manhattan';
type PointId = string | number;
type Payload = Record<string, unknown>;
type StoredPoint = { id: PointId; vector: number[]; payload: Payload; version: number };
type Collection = {
  size: number;
  distance: Distance;
  metadata: Payload;
  points: Map<string, StoredPoint>;
  payloadSchema: Record<string, unknown>;
  operations: number;
};

class QdrantHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const NOT_ROUTED = Symbol('not routed');
const DISTANCES: Distance[] = ['Cosine', 'Dot', 'Euclid', 'Manhattan'];
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export async function startQdrantDouble(): Promise<QdrantDouble> {
  const collections = new Map<string, Collection>();
  const requests: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    const started = performance.now();
    void readBody(req)
      .then((text) => {
        const url = new URL(req.url ?? '/', 'http://qdrant');
        const request: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), body: text };
        requests.push(request);
        const body = (request.body = parseJson(text));
        const result = route(req.method ?? 'GET', url, body);
        if (result === NOT_ROUTED) return send(res, 404, undefined);
        if (url.pathname === '/') return send(res, 200, result);
        send(res, 200, { result, status: 'ok', time: seconds(started) });
      })
      .catch((error: unknown) => {
        const status = error instanceof QdrantHttpError ? error.status : 500;
        const message = error instanceof Error ? error.message : String(error);
        send(res, status, { status: { error: message }, time: seconds(started) });
      });
  });

  function route(method: string, url: URL, body: unknown): unknown {
    const path = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const wait = url.searchParams.get('wait') === 'true';
    if (path.length === 0 && method === 'GET') return { title: 'qdrant - vector search engine', version: '1.19.0', commit: 'double' };
    if (path[0] !== 'collections') return NOT_ROUTED;
    if (path.length === 1 && method === 'GET') return { collections: [...collections.keys()].map((name) => ({ name })) };
    const name = path[1]!;
    const rest = path.slice(2).join('/');
    const key = `${method} ${rest}`;

    switch (key) {
      case 'GET exists':
        return { exists: collections.has(name) };
      case 'GET ':
        return info(existing(name));
      case 'PUT ':
        return createCollection(name, body);
      case 'PATCH ': {
        const collection = existing(name);
        const metadata = record(record(body).metadata ?? {});
        for (const [k, v] of Object.entries(metadata)) {
          if (v === null) delete collection.metadata[k];
          else collection.metadata[k] = v;
        }
        return true;
      }
      case 'DELETE ':
        return collections.delete(name);
      case 'PUT index': {
        const collection = existing(name);
        const { field_name, field_schema } = record(body);
        if (typeof field_name !== 'string') throw badRequest('missing field `field_name`');
        collection.payloadSchema[field_name] = field_schema;
        return updated(collection, wait);
      }
      case 'PUT points':
        return upsert(existing(name), body, wait);
      case 'POST points/query': {
        const request = record(body);
        const query = request.query;
        const vector = Array.isArray(query) ? query : record(query ?? {}).nearest;
        if (!Array.isArray(vector)) throw badRequest('the double answers only nearest-vector queries (`query: [..]` or `{ nearest: [..] }`)');
        return { points: search(existing(name), vector, request) };
      }
      case 'POST points/search': {
        const request = record(body);
        if (!Array.isArray(request.vector)) throw badRequest('missing field `vector`');
        return search(existing(name), request.vector, request);
      }
      case 'POST points/count': {
        const collection = existing(name);
        const filter = record(body ?? {}).filter;
        return { count: [...collection.points.values()].filter((p) => matches(p, filter)).length };
      }
      default:
        return NOT_ROUTED;
    }
  }

  function existing(name: string): Collection {
    const collection = collections.get(name);
    if (!collection) throw new QdrantHttpError(404, `Not found: Collection \`${name}\` doesn't exist!`);
    return collection;
  }

  function createCollection(name: string, body: unknown): boolean {
    const request = record(body);
    const vectors = record(request.vectors);
    const size = vectors.size;
    const distance = vectors.distance as Distance;
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) {
      throw new QdrantHttpError(422, `Validation error in JSON body: [vectors.size: value ${String(size)} invalid, must be 1 or larger]`);
    }
    if (!DISTANCES.includes(distance)) {
      throw badRequest(`Format error in JSON body: vectors.distance: unknown variant \`${String(distance)}\`, expected one of ${DISTANCES.map((d) => `\`${d}\``).join(', ')}`);
    }
    if (collections.has(name)) throw new QdrantHttpError(409, `Wrong input: Collection \`${name}\` already exists!`);
    const metadata = request.metadata === undefined || request.metadata === null ? {} : { ...record(request.metadata) };
    collections.set(name, { size, distance, metadata, points: new Map(), payloadSchema: {}, operations: 0 });
    return true;
  }

  function upsert(collection: Collection, body: unknown, wait: boolean) {
    const request = record(body);
    const points: { id: unknown; vector: unknown; payload: unknown }[] = Array.isArray(request.points)
      ? request.points.map((p) => record(p) as { id: unknown; vector: unknown; payload: unknown })
      : batchPoints(record(request.batch));
    const ready = points.map((point) => {
      const id = pointId(point.id);
      if (!Array.isArray(point.vector) || !point.vector.every((x) => typeof x === 'number')) {
        throw badRequest('Format error in JSON body: the double accepts only one unnamed dense vector per point');
      }
      if (point.vector.length !== collection.size) {
        throw badRequest(`Wrong input: Vector dimension error: expected dim: ${collection.size}, got ${point.vector.length}`);
      }
      const vector = collection.distance === 'Cosine' ? unit(point.vector) : [...point.vector];
      return { id, vector, payload: point.payload ? { ...record(point.payload) } : {} };
    });
    const operation = collection.operations;
    for (const point of ready) collection.points.set(String(point.id), { ...point, version: operation });
    return updated(collection, wait);
  }

  function search(collection: Collection, query: unknown[], request: Payload) {
    if (!query.every((x) => typeof x === 'number')) throw badRequest('Format error in JSON body: query must be numbers');
    if (query.length !== collection.size) {
      throw badRequest(`Wrong input: Vector dimension error: expected dim: ${collection.size}, got ${query.length}`);
    }
    const q = collection.distance === 'Cosine' ? unit(query as number[]) : (query as number[]);
    const ascending = collection.distance === 'Euclid' || collection.distance === 'Manhattan';
    const limit = typeof request.limit === 'number' ? request.limit : 10;
    const offset = typeof request.offset === 'number' ? request.offset : 0;
    const threshold = typeof request.score_threshold === 'number' ? request.score_threshold : undefined;
    return [...collection.points.values()]
      .filter((point) => matches(point, request.filter))
      .map((point) => ({ point, score: score(collection.distance, point.vector, q) }))
      .filter(({ score }) => threshold === undefined || (ascending ? score <= threshold : score >= threshold))
      .sort((a, b) => (ascending ? a.score - b.score : b.score - a.score))
      .slice(offset, offset + limit)
      .map(({ point, score }) => ({
        id: point.id,
        version: point.version,
        score,
        ...(selectPayload(point.payload, request.with_payload) ?? {}),
        ...(request.with_vector === true && { vector: point.vector }),
      }));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function updated(collection: Collection, wait: boolean) {
  return { operation_id: collection.operations++, status: wait ? 'completed' : 'acknowledged' };
}

function info(collection: Collection) {
  const metadata = Object.keys(collection.metadata).length > 0 ? { metadata: collection.metadata } : {};
  return {
    status: 'green',
    optimizer_status: 'ok',
    indexed_vectors_count: 0,
    points_count: collection.points.size,
    segments_count: 1,
    config: {
      params: {
        vectors: { size: collection.size, distance: collection.distance },
        shard_number: 1,
        replication_factor: 1,
        write_consistency_factor: 1,
        on_disk_payload: true,
      },
      hnsw_config: { m: 16, ef_construct: 100, full_scan_threshold: 10000, max_indexing_threads: 0, on_disk: false },
      optimizer_config: {
        deleted_threshold: 0.2,
        vacuum_min_vector_number: 1000,
        default_segment_number: 0,
        max_segment_size: null,
        memmap_threshold: null,
        indexing_threshold: 10000,
        flush_interval_sec: 5,
        max_optimization_threads: null,
      },
      wal_config: { wal_capacity_mb: 32, wal_segments_ahead: 0 },
      quantization_config: null,
      ...metadata,
    },
    payload_schema: Object.fromEntries(
      Object.entries(collection.payloadSchema).map(([field, type]) => [field, { data_type: type, points: collection.points.size }]),
    ),
  };
}

function batchPoints(batch: Payload): { id: unknown; vector: unknown; payload: unknown }[] {
  const ids = Array.isArray(batch.ids) ? batch.ids : [];
  const vectors = Array.isArray(batch.vectors) ? batch.vectors : [];
  const payloads = Array.isArray(batch.payloads) ? batch.payloads : [];
  return ids.map((id, i) => ({ id, vector: vectors[i], payload: payloads[i] }));
}

/** Qdrant point ids are unsigned integers or UUIDs (returned hyphenated, lower case). */
function pointId(value: unknown): PointId {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && UUID.test(value)) {
    const hex = value.replaceAll('-', '').toLowerCase();
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  throw badRequest(`Format error in JSON body: value ${JSON.stringify(value)} is not a valid point ID, valid values are either an unsigned integer or a UUID`);
}

/** Qdrant's filter semantics for the conditions a payload filter usually needs. */
function matches(point: StoredPoint, filter: unknown): boolean {
  if (filter === undefined || filter === null) return true;
  const { must, should, must_not } = record(filter);
  const list = (conditions: unknown) => (conditions === undefined || conditions === null ? [] : Array.isArray(conditions) ? conditions : [conditions]);
  const mustList = list(must);
  const shouldList = list(should);
  return (
    mustList.every((c) => condition(point, c)) &&
    (shouldList.length === 0 || shouldList.some((c) => condition(point, c))) &&
    !list(must_not).some((c) => condition(point, c))
  );
}

function condition(point: StoredPoint, raw: unknown): boolean {
  const c = record(raw);
  if ('must' in c || 'should' in c || 'must_not' in c) return matches(point, c);
  if (Array.isArray(c.has_id)) return c.has_id.some((id) => String(pointId(id)) === String(point.id));
  if (c.is_null) return valuesAt(point.payload, String(record(c.is_null).key)).some((v) => v === null);
  if (c.is_empty) {
    const values = valuesAt(point.payload, String(record(c.is_empty).key)).filter((v) => v !== null);
    return values.length === 0;
  }
  if (typeof c.key !== 'string' || !c.match) throw badRequest('the double answers only `key` + `match`, `has_id`, `is_null` and `is_empty` conditions');
  const match = record(c.match);
  const values = valuesAt(point.payload, c.key);
  if ('value' in match) return values.some((v) => v === match.value);
  if (Array.isArray(match.any)) return values.some((v) => (match.any as unknown[]).includes(v));
  if (Array.isArray(match.except)) return values.every((v) => !(match.except as unknown[]).includes(v));
  throw badRequest('the double answers only `match.value`, `match.any` and `match.except`');
}

/** Values under a dotted key; an array stands for each of its elements. */
function valuesAt(payload: Payload, key: string): unknown[] {
  let current: unknown[] = [payload];
  for (const part of key.split('.')) {
    current = current.flatMap((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) && part in v ? [(v as Payload)[part]] : []));
    current = current.flatMap((v) => (Array.isArray(v) ? v : [v]));
  }
  return current;
}

function selectPayload(payload: Payload, selector: unknown): { payload: Payload } | undefined {
  if (selector === undefined || selector === null || selector === false) return undefined;
  if (selector === true) return { payload };
  if (Array.isArray(selector)) return { payload: pick(payload, selector.map(String)) };
  const { include, exclude } = record(selector);
  if (Array.isArray(include)) return { payload: pick(payload, include.map(String)) };
  if (Array.isArray(exclude)) return { payload: Object.fromEntries(Object.entries(payload).filter(([k]) => !exclude.includes(k))) };
  return undefined;
}

function pick(payload: Payload, keys: string[]): Payload {
  return Object.fromEntries(Object.entries(payload).filter(([k]) => keys.includes(k)));
}

function score(distance: Distance, a: number[], b: number[]): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    if (distance === 'Euclid') total += (a[i]! - b[i]!) ** 2;
    else if (distance === 'Manhattan') total += Math.abs(a[i]! - b[i]!);
    else total += a[i]! * b[i]!;
  }
  return distance === 'Euclid' ? Math.sqrt(total) : total;
}

function unit(vector: number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
  return norm > 0 ? vector.map((x) => x / norm) : [...vector];
}

function record(value: unknown): Payload {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badRequest('Format error in JSON body: expected an object');
  return value as Payload;
}

function badRequest(message: string): QdrantHttpError {
  return new QdrantHttpError(400, message);
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(`Format error in JSON body: ${(error as Error).message}`);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function seconds(started: number): number {
  return (performance.now() - started) / 1000;
}
