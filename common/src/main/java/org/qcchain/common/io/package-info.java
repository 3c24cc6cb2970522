/**
 * Files that must survive a crash whole: {@link org.qcchain.common.io.DurableFiles} writes a small
 * file (a key, the genesis membership) so that after a power cut it is there in full or not at all.
 */
package org.qcchain.common.io;
