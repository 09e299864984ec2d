import type { RouterInputs, RouterOutputs } from '../index';

type Flat<T> = { [K in keyof T & string]: { [P in keyof T[K] & string]: `${K}.${P}` }[keyof T[K] & string] }[keyof T & string];
/** `"live.start"`-style names of the procedures, with their input and output types from the router. */
export type ProcedurePath = Flat<RouterInputs>;
type InputOf<P extends ProcedurePath> = P extends `${infer K extends keyof RouterInputs & string}.${infer Q}` ? (Q extends keyof RouterInputs[K] ? RouterInputs[K][Q] : never) : never;
type OutputOf<P extends ProcedurePath> = P extends `${infer K extends keyof RouterOutputs & string}.${infer Q}` ? (Q extends keyof RouterOutputs[K] ? RouterOutputs[K][Q] : never) : never;

/** A refused call: the API's `appCode` (UNAUTHENTICATED, CONFLICT, …) and its message. */
export class ApiCallError extends Error {
  constructor(readonly path: string, readonly code: string, message: string) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/**
 * The API's tRPC procedures over plain HTTP, as any client sees them (tRPC 11, no transformer): a mutation
 * is a POST of the input JSON, a query a GET with `?input=`; the answer is `{result:{data}}` or
 * `{error:{message,data:{appCode}}}`. Dates come back as ISO strings (no transformer): callers read ids.
 */
export function trpcOverHttp(server: string, token: () => string | null = () => null) {
  const base = `${server.replace(/\/$/, '')}/trpc`;
  async function call<P extends ProcedurePath>(kind: 'query' | 'mutation', path: P, input?: InputOf<P>): Promise<OutputOf<P>> {
    const auth: Record<string, string> = token() ? { authorization: `Bearer ${token()}` } : {};
    const query = kind === 'query' && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : '';
    let response: Response;
    try {
      response = await fetch(`${base}/${path}${query}`, kind === 'query'
        ? { headers: auth }
        : { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(input ?? null) });
    } catch (error) {
      throw new ApiCallError(path, 'UNREACHABLE', `Cannot reach the API at ${server}: ${error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error)}`);
    }
    const body = (await response.json().catch(() => null)) as { result?: { data: unknown }; error?: { message?: string; data?: { appCode?: string } } } | null;
    if (body?.result) return body.result.data as OutputOf<P>;
    throw new ApiCallError(path, body?.error?.data?.appCode ?? `HTTP_${response.status}`, body?.error?.message ?? `${path}: HTTP ${response.status} from ${server}`);
  }
  return {
    query: <P extends ProcedurePath>(path: P, input?: InputOf<P>) => call('query', path, input),
    mutation: <P extends ProcedurePath>(path: P, input: InputOf<P>) => call('mutation', path, input),
  };
}
