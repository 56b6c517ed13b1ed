/**
 * The staff audit log: {@link org.safepassage.system.audit.AuditLog} records what staff
 * did (the cases module records each reveal of a protected field, and each export step,
 * with its reason and never the value); admins read and export it.
 */
@NamedInterface("audit")
package org.safepassage.system.audit;

import org.springframework.modulith.NamedInterface;
