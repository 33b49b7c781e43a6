// Surface of the submitters' page: its static files, its folder on the public site, the shape
// of its config.json and the words it shows.
export { submitPageFiles, SUBMIT_FOLDER, CONFIG_FILE } from './files.ts';
export type { PageFile } from './files.ts';
export { SubmitPageConfigSchema } from './config.ts';
export type { SubmitPageConfig } from './config.ts';
export { MESSAGES } from './messages.ts';
export type { Messages } from './messages.ts';
