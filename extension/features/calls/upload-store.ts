import type { CallSummary, UploadResult } from '@sufler/shared';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CallsHttp, UploadFields } from './calls-http';
import { CallsHttpError, type CallsHttpErrorCode } from './calls-http-error';
import { EMPTY_UPLOAD_CHOICE, type UploadChoice } from './upload-choice';

export type UploadStatus = 'uploading' | 'done' | 'duplicate' | 'failed' | 'cancelled';

/** One file the user dropped or picked, from the first byte sent to the API's answer. */
export interface UploadItem {
  id: string;
  name: string;
  sizeBytes: number;
  status: UploadStatus;
  /** 0…1 of the bytes sent. */
  progress: number;
  call: CallSummary | null;
  error: { code: CallsHttpErrorCode; message: string } | null;
}

export interface UploadsState {
  items: UploadItem[];
  /** The options for the files sent next, as last set in the form. */
  choice: UploadChoice;
  setChoice(choice: UploadChoice): void;
  /** Starts one upload per file, all at once (the browser queues them per host). */
  add(files: readonly File[], fields: UploadFields): void;
  cancel(id: string): void;
  /** Forgets a finished item. */
  dismiss(id: string): void;
}

export type UploadStore = StoreApi<UploadsState>;

/**
 * The uploads in flight and their outcome, and the options for the next ones: UI state of the browser's own
 * transfers (the calls themselves are server data, fetched through react-query once `onUploaded` has told it to).
 */
export function createUploadStore({ http, onUploaded }: { http: CallsHttp; onUploaded?: (result: UploadResult) => void }): UploadStore {
  const controllers = new Map<string, AbortController>();
  let next = 0;
  return createStore<UploadsState>()((set, get) => {
    const patch = (id: string, change: Partial<UploadItem>) =>
      set({ items: get().items.map((item) => (item.id === id ? { ...item, ...change } : item)) });

    const start = async (id: string, file: File, fields: UploadFields) => {
      const controller = new AbortController();
      controllers.set(id, controller);
      try {
        const result = await http.upload(file, fields, {
          signal: controller.signal,
          onProgress: (progress) => patch(id, { progress }),
        });
        patch(id, { status: result.duplicate ? 'duplicate' : 'done', progress: 1, call: result.call });
        onUploaded?.(result);
      } catch (error) {
        if (error instanceof CallsHttpError && error.code === 'ABORTED') patch(id, { status: 'cancelled' });
        else {
          const failure = error instanceof CallsHttpError ? error : new CallsHttpError('NETWORK', String(error));
          // Only the API's own words are worth showing next to the translated reason; ours are for developers.
          patch(id, { status: 'failed', error: { code: failure.code, message: failure.status > 0 ? failure.message : '' } });
        }
      } finally {
        controllers.delete(id);
      }
    };

    return {
      items: [],
      choice: EMPTY_UPLOAD_CHOICE,
      setChoice: (choice) => set({ choice }),
      add(files, fields) {
        const added = files.map((file) => ({ file, id: `upload-${++next}` }));
        set({
          items: [
            ...added.map(({ file, id }): UploadItem => ({
              id,
              name: file.name,
              sizeBytes: file.size,
              status: 'uploading',
              progress: 0,
              call: null,
              error: null,
            })),
            ...get().items,
          ],
        });
        for (const { file, id } of added) void start(id, file, fields);
      },
      cancel: (id) => controllers.get(id)?.abort(),
      dismiss: (id) => set({ items: get().items.filter((item) => item.id !== id || item.status === 'uploading') }),
    };
  });
}
