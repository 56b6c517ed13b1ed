/**
 * The staff audit log. {@link org.safepassage.system.audit.AuditLog#record} is open to
 * the modules for what no staff request records by itself: the criteria and count of a
 * bulk change, a supporter removing their own signature, each reveal of a protected field
 * and each export step of a case (with its reason, never the value).
 */
@NamedInterface("audit")
package org.safepassage.system.audit;

import org.springframework.modulith.NamedInterface;
