export * from './domain/roles';
export * from './schemas/common';
export * from './schemas/auth';
export * from './schemas/client';
export * from './schemas/session';
export * from './schemas/feedback';
export * from './domain/fold-for-search';
export * from './domain/hashed-ngram-embedding';
