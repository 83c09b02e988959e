// The one disposal loop: objects that own listeners, views or timers extend Disposable and
// `_register` what they own; dispose() releases it all once, in the order it was registered. No `vscode` import
// (vscode.Disposable is structurally the same shape).

export interface IDisposable {
  dispose(): unknown;
}

/** Disposes every item in order and empties the list; one failing item does not keep the others alive. */
export function disposeAll(items: IDisposable[]): void {
  const errors: unknown[] = [];
  for (const item of items.splice(0)) {
    try {
      item.dispose();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, 'Several disposables failed.');
}

export abstract class Disposable implements IDisposable {
  private readonly owned: IDisposable[] = [];
  private disposed = false;

  /** Takes ownership of `value`; registering after dispose() disposes it at once. */
  protected _register<T extends IDisposable>(value: T): T {
    if (this.disposed) value.dispose();
    else this.owned.push(value);
    return value;
  }

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeAll(this.owned);
  }
}
