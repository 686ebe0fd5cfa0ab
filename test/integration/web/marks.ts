/** The line prefix the web suite logs its counts with, and the runner reads them from. */
export const RESULTS_MARK = 'EGN_WEB_RESULTS ';
