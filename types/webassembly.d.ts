// The part of the WebAssembly API that Node code uses (servers/logs/search/byte-kernel.ts).
// @types/node 20 declares the WebAssembly namespace without its classes; lib.dom.d.ts has them,
// but Node code is checked without the DOM (tsconfig.json), so the used subset is declared here.
declare global {
  namespace WebAssembly {
    interface Memory {
      readonly buffer: ArrayBuffer;
      /** Grows by `delta` 64 KiB pages; returns the previous size in pages. */
      grow(delta: number): number;
    }
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Module {}
    interface Instance {
      readonly exports: Record<string, unknown>;
    }
    const Module: { new (bytes: ArrayBufferView | ArrayBuffer): Module };
    const Instance: { new (module: Module, imports?: Record<string, Record<string, unknown>>): Instance };
    function validate(bytes: ArrayBufferView | ArrayBuffer): boolean;
  }
}

export {};
