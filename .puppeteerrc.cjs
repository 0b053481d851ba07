// Puppeteer never downloads a browser here: the diagram render test uses Debian's chromium package.
/** @type {import("puppeteer").Configuration} */
module.exports = {
  skipDownload: true,
  executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || "/usr/bin/chromium",
};
