// Preloaded into each app worker by `npm start` (node --require): every request the worker's
// HTTP server receives carries the address of the socket it arrived on, in a header the client
// cannot set (any copy the client sent is dropped). lib/security/client-address.ts trusts the
// header only in a process where this file ran, which it learns from the marker set below.
// Plain CommonJS: it runs before Next, without the launcher's TypeScript loader.
"use strict";
const http = require("node:http");

const HEADER = "x-msc-socket-address";
const original = http.Server.prototype.emit;

http.Server.prototype.emit = function emit(event, request, ...rest) {
  if (event === "request" && request && request.headers) {
    const address = (request.socket && request.socket.remoteAddress) || "";
    request.headers[HEADER] = address;
    // Next may read the raw list too: keep only this header's one true value there.
    const raw = [];
    for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
      if (request.rawHeaders[i].toLowerCase() !== HEADER) raw.push(request.rawHeaders[i], request.rawHeaders[i + 1]);
    }
    raw.push(HEADER, address);
    request.rawHeaders = raw;
  }
  return original.call(this, event, request, ...rest);
};

globalThis.__mscSocketAddressHeader = HEADER;
