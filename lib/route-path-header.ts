/** Set by proxy.ts on every request: the path exactly as the client sent it. */
export const PATH_HEADER = 'x-threadlight-path';
