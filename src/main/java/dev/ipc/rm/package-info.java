/** ipc rm: ipcrm's removal, --all with its filters; a feature, imported by the root only. */
package dev.ipc.rm;
