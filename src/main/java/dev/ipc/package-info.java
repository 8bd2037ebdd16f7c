/**
 * The composition root: Main, the command tree, the ls start-up path, training and docs generation; nothing imports
 * it.
 */
package dev.ipc;
