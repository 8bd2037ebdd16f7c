/** Man pages and completion scripts made from a command tree handed in; imports no feature package. */
package dev.ipc.docs;
