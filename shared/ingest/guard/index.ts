export { guardUpload, tooLargeFinding, UploadKind } from './guard.ts';
export type { GuardResult } from './guard.ts';
export { sniff, Sniffed, isEncryptedOfficeFile } from './sniff.ts';
export { inspectZip } from './zip.ts';
export type { ZipProblem, ZipInspection, ZipResult } from './zip.ts';
export { isWorksheetPart, sheetNamesByPart } from './sheets.ts';
