'use client';

import { useEffect, useState, type ReactNode } from 'react';

/**
 * The upload form's file field, taking a file dropped anywhere on the page: the dropped
 * file becomes the input's file, so the form posts it exactly as if it had been chosen.
 * Without JavaScript the plain file input still works; with it, a file dropped outside
 * the field is no longer opened by the browser in place of the page.
 */
export function DropZone({ inputId, children }: { inputId: string; children: ReactNode }) {
  const [over, setOver] = useState(false);
  const [name, setName] = useState<string | null>(null);

  useEffect(() => {
    const input = document.getElementById(inputId) as HTMLInputElement | null;
    if (!input) return;
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setOver(true);
    };
    const onDragLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      setOver(false);
      const file = e.dataTransfer.files[0];
      if (!file) return;
      // One file per upload: keep the first.
      const one = new DataTransfer();
      one.items.add(file);
      input.files = one.files;
      setName(file.name);
    };
    const onChange = () => setName(input.files?.[0]?.name ?? null);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    input.addEventListener('change', onChange);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
      input.removeEventListener('change', onChange);
    };
  }, [inputId]);

  return (
    <div
      data-drop-zone=""
      data-over={over ? '' : undefined}
      className={`rounded border-2 border-dashed p-3 ${over ? 'border-fg bg-bg-soft' : 'border-border'}`}
    >
      {children}
      <p className="mt-1 text-sm text-muted" aria-live="polite">
        {name ? `Ready to import: ${name}` : 'Or drop a file anywhere on this page.'}
      </p>
    </div>
  );
}
