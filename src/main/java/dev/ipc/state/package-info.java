/**
 * Where System V objects come from: /proc first, the native calls as fallback, and facts about them (owners,
 * orphans); imports no feature package.
 */
package dev.ipc.state;
