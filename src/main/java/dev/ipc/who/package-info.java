/** ipc who: which processes use which IPC object; imports shared support only, no other feature. */
package dev.ipc.who;
