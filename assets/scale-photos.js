/* global DataTransfer, File, createImageBitmap */
// A photo larger than the form needs is scaled down in the browser before it is sent: a file input
// with data-max-dimension (pixels, the longer side) gets JPEG and PNG files redrawn to that size, so a
// 4 MB phone photo crosses a slow network as a few hundred KB. Only when the browser can do all of
// it and the result is smaller; otherwise the file goes as chosen (the server takes it up to its limit).
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
  for (const input of document.querySelectorAll('input[type="file"][data-max-dimension]')) {
    const maxDimension = Number(input.dataset.maxDimension);
    if (!(maxDimension > 0)) continue;
    // The scaling under way, until it ends.
    let scaling;
    input.addEventListener('change', () => {
      const chosen = [...input.files];
      const done = Promise.all(
        chosen.map((file) => scalePhoto(file, maxDimension).catch(() => file)),
      ).then((files) => {
        // A choice made while these were scaling is the one that counts.
        if (scaling !== done) return;
        scaling = undefined;
        if (files.every((file, i) => file === chosen[i])) return;
        const transfer = new DataTransfer();
        for (const file of files) transfer.items.add(file);
        input.files = transfer.files;
      });
      scaling = done;
    });
    // Sending waits for the scaling, so a quick "Continue" still sends the smaller photo. The form is
    // sent again from a task of its own: browsers ignore a submit while the first one's event runs.
    let held = false;
    input.form?.addEventListener('submit', (event) => {
      if (!scaling) return;
      event.preventDefault();
      if (held) return;
      held = true;
      const send = () => {
        if (scaling) return scaling.then(send);
        held = false;
        setTimeout(() => input.form.requestSubmit(event.submitter));
      };
      send();
    });
  }
}
