export { FileUpload } from './FileUpload';
export type { FileUploadProps } from './FileUpload';
export { uploadErrorText } from './uploadErrorText';
export { useFileDrop } from './useFileDrop';
export type { FileDrop } from './useFileDrop';
