/* global DataTransfer, File, createImageBitmap */
// A photo larger than the form needs is scaled down in the browser before it is sent: a file input
// with data-max-dimension (pixels, the longer side) gets JPEG and PNG files redrawn to that size, so a
// 4 MB phone photo crosses a slow network as a few hundred KB. Only when the browser can do it all
// and the result is smaller; otherwise the file goes as chosen (the server takes it up to its limit).
// The listeners are on the document, so a file input that add-files.js puts in the page is scaled too.
const scalable = ['image/jpeg', 'image/png'];

const scalePhoto = async (file, maxDimension) => {
  if (!scalable.includes(file.type)) return file;
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = maxDimension / Math.max(bitmap.width, bitmap.height);
  if (scale >= 1) {
    bitmap.close();
    return file;
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, file.type, 0.85));
  if (!blob || blob.size >= file.size) return file;
  return new File([blob], file.name, { type: file.type, lastModified: file.lastModified });
};

if (typeof DataTransfer === 'function' && typeof createImageBitmap === 'function') {
  // Each input's scaling under way, until it ends.
  const scaling = new WeakMap();
  const scalingIn = (form) =>
    [...form.querySelectorAll('input[type="file"]')]
      .map((input) => scaling.get(input))
      .find(Boolean);

  document.addEventListener('change', (event) => {
    const input = event.target;
    if (!input.matches?.('input[type="file"][data-max-dimension]')) return;
    const maxDimension = Number(input.dataset.maxDimension);
    if (!(maxDimension > 0)) return;
    const chosen = [...input.files];
    const done = Promise.all(
      chosen.map((file) => scalePhoto(file, maxDimension).catch(() => file)),
    ).then((files) => {
      // A choice made while these were scaling is the one that counts.
      if (scaling.get(input) !== done) return;
      scaling.delete(input);
      if (files.every((file, i) => file === chosen[i])) return;
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(file);
      input.files = transfer.files;
    });
    scaling.set(input, done);
  });

  // Sending waits for the scaling, so a quick "Continue" still sends the smaller photo. The form is
  // sent again from a task of its own: browsers ignore a submit while the first one's event runs.
  // add-files.js listens after this and leaves alone a submit held here (defaultPrevented).
  const held = new WeakSet();
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!scalingIn(form)) return;
    event.preventDefault();
    if (held.has(form)) return;
    held.add(form);
    const send = () => {
      const pending = scalingIn(form);
      if (pending) return pending.then(send);
      held.delete(form);
      setTimeout(() => form.requestSubmit(event.submitter));
    };
    send();
  });
}
