/**
 * The transactional mail outbox. Modules call
 * {@link org.safepassage.system.mail.Outbox#enqueue} inside the transaction of the action
 * that causes a mail; a worker sends it later, with retries.
 */
@NamedInterface("mail")
package org.safepassage.system.mail;

import org.springframework.modulith.NamedInterface;
