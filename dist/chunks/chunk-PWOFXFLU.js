#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/core/failure.ts
var GateError = class extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.code = code;
  }
  code;
};
function describeError(error) {
  return error instanceof Error ? error.message : String(error);
}
function failureOf(error) {
  return error instanceof GateError ? { code: error.code, message: error.message } : { code: "internal", message: describeError(error) };
}

// src/github/errors.ts
var GitHubError = class extends Error {
  constructor(operation, status, detail, options) {
    super(`while ${operation}: ${status === 0 ? "" : `${status} `}${detail}`, options);
    this.operation = operation;
    this.status = status;
  }
  operation;
  status;
  name = "GitHubError";
};
function statusOf(error) {
  const status = error?.status;
  return typeof status === "number" ? status : 0;
}
function detailOf(error) {
  const response = error?.response;
  const data = response?.data;
  if (data && typeof data.message === "string") {
    const errors = Array.isArray(data.errors) ? data.errors : [];
    const extra = errors.map((e) => typeof e === "string" ? e : e?.message).filter((m) => typeof m === "string");
    return extra.length > 0 ? `${data.message} (${extra.join("; ")})` : data.message;
  }
  return error instanceof Error ? error.message : String(error);
}
function toGitHubError(operation, error) {
  if (error instanceof GitHubError) return error;
  return new GitHubError(operation, statusOf(error), detailOf(error), { cause: error });
}
function hasStatus(error, ...statuses) {
  return statuses.includes(statusOf(error));
}
function isForbidden(error) {
  return hasStatus(error, 403);
}
function isNotFound(error) {
  return hasStatus(error, 404);
}
var ReadError = class extends GateError {
  constructor(what, cause) {
    super("read_failed", `could not read ${what}: ${describeError(cause)}`, { cause });
    this.what = what;
  }
  what;
};
async function reading(what, read) {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError(what, error);
  }
}

export {
  GateError,
  describeError,
  failureOf,
  GitHubError,
  toGitHubError,
  hasStatus,
  isForbidden,
  isNotFound,
  reading
};
