/**
 * Encrypted backups of the embedded database: the daily job, and the {@code backup} and
 * {@code restore} commands of the jar.
 */
package org.safepassage.system.backup;
