/** Shared helpers for rules of both catalog halves. */
export * from './policy.js';
export * from './names.js';
export * from './suffix.js';
export * from './variables.js';
export * from './files.js';
export * from './iam.js';
