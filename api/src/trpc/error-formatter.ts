import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import type { DefaultErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { ZodError } from 'zod';
import { DomainError, ThrottledError, type DomainErrorCode } from '../errors';

const TRPC_CODE: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  CONFLICT: 'CONFLICT',
  INVALID: 'BAD_REQUEST',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
};

/** The one place a domain error becomes a tRPC error. */
export function toTrpcError(error: DomainError): TRPCError {
  return new TRPCError({ code: TRPC_CODE[error.code], message: error.message, cause: error });
}

/**
 * What clients see of an error: the tRPC code, our domain code (the UI branches on it), and for bad
 * input the field-level issues, for a throttled attempt the seconds to wait. Internal errors never leak
 * their message or stack.
 */
export function formatError({ shape, error }: { shape: DefaultErrorShape; error: TRPCError }) {
  const domain = error.cause instanceof DomainError ? error.cause.code : undefined;
  const zod = error.cause instanceof ZodError ? error.cause : undefined;
  const internal = error.code === 'INTERNAL_SERVER_ERROR';
  return {
    ...shape,
    message: internal ? 'Internal server error' : zod ? 'Invalid input' : shape.message,
    data: {
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      path: shape.data.path,
      appCode: domain ?? (zod ? 'INVALID' : internal ? 'INTERNAL' : String(shape.data.code)),
      issues: zod?.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      retryAfterSeconds: error.cause instanceof ThrottledError ? error.cause.retryAfterSeconds : undefined,
    },
  };
}
