/**
 * Turns model records into text (ipcs and lsipc layouts, tables) and JSON; reads no kernel state and imports no
 * feature package.
 */
package dev.ipc.render;
