/**
 * Sealing protected data before it reaches the database (envelope encryption with Google
 * Tink): {@link org.safepassage.system.sealing.Sealing} seals and opens values under a
 * data key per record, each data key wrapped by the key-encryption key that lives only in
 * a key file or an environment variable (docs/operations.md).
 */
@NamedInterface("sealing")
package org.safepassage.system.sealing;

import org.springframework.modulith.NamedInterface;
