// Plain-language failure messages from the stable failure codes the server sends (failureCode), never its raw detail.

const SENTENCES = {
  unreadable_media: 'The file could not be read. It may be damaged, or not the kind of file its name says. Try exporting it again.',
  encrypted_document: 'The document is password-protected. Save a copy without a password and upload that.',
  too_many_pixels: 'The image is too large (too many pixels) for this server. Scale it down and upload it again.',
  too_long: 'The recording is longer than this server accepts. Trim it and upload it again.',
  unsupported_type: 'This kind of file is not supported. Upload an image, audio, video or PDF file.',
  processing_timeout: 'The file took too long to process and was given up. It may be malformed or too complex.',
  file_too_large: 'The file is larger than this server accepts.',
  processing_failed: 'The media could not be processed because of a problem on the server. Uploading it again may help.',
};

/** One sentence a person can act on, from a failure code; a generic one for codes this page does not know. */
export function failureMessage(code) {
  return SENTENCES[code] ?? 'Processing failed. Uploading the file again may help.';
}
