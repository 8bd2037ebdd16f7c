/** Small generic helpers with no ipc knowledge; imports no other ipc package. */
package dev.ipc.util;
