/**
 * Making pages easy to share without any third-party script: the Open Graph and Twitter
 * card a page declares ({@link org.safepassage.system.sharing.ShareCard}), card images
 * drawn by the server ({@link org.safepassage.system.sharing.CardImages}), share links
 * and QR codes for print.
 */
@NamedInterface("sharing")
package org.safepassage.system.sharing;

import org.springframework.modulith.NamedInterface;
