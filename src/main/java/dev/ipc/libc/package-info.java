/**
 * The one native layer: libc through jffi, checked wrappers throwing NativeCallException, struct layouts; imports
 * only model.
 */
package dev.ipc.libc;
