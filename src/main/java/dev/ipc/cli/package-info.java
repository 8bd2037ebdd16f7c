/**
 * Support shared by every command (errors, exit codes, option values, durations, accounts, JSON, terminal,
 * RunContext); imports no feature package.
 */
package dev.ipc.cli;
