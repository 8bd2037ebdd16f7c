/** ipc ls: the ipcs and lsipc listings; a feature, imported by the root only. */
package dev.ipc.ls;
