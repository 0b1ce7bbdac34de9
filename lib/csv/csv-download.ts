/**
 * A CSV file as a download, streamed: each chunk of `text` is sent as the generator gives it (the
 * export reads its rows in batches meanwhile), after a byte-order mark so that spreadsheets read
 * UTF-8. A client that leaves stops the export.
 */
export function csvDownload(text: AsyncGenerator<string>, filename: string): Response {
  const encoder = new TextEncoder();
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await text.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(started ? next.value : `\uFEFF${next.value}`));
      started = true;
    },
    async cancel() {
      await text.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8; header=present",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
}
