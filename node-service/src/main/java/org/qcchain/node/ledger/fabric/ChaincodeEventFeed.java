package org.qcchain.node.ledger.fabric;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.InMemoryCheckpointer;
import org.hyperledger.fabric.client.Network;
import org.qcchain.node.ledger.LedgerEvent;

/**
 * Delivers the chaincode events of valid committed transactions to one listener on a daemon
 * thread of its own, in block order, from the first block committed after the subscription (the
 * block numbered the chain's height at that moment).
 * When the stream breaks (the peer restarted), it reconnects after a second and resumes after the
 * last event delivered, so none is lost or repeated; closing stops it.
 */
final class ChaincodeEventFeed implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ChaincodeEventFeed.class.getName());

    private final Network network;
    private final String chaincode;
    private final long startBlock;
    private final Consumer<LedgerEvent> listener;
    private final InMemoryCheckpointer checkpoint = new InMemoryCheckpointer();
    private final Thread thread;
    private volatile boolean closed;
    private volatile CloseableIterator<ChaincodeEvent> events;

    private ChaincodeEventFeed(Network network, String chaincode, long startBlock, Consumer<LedgerEvent> listener) {
        this.network = network;
        this.chaincode = chaincode;
        this.startBlock = startBlock;
        this.listener = listener;
        // the stream is opened here, so that no block committed after subscribe() returns is missed
        this.events = network.newChaincodeEventsRequest(chaincode).startBlock(startBlock).build().getEvents();
        this.thread = new Thread(this::run, "qcchain-fabric-events-" + chaincode);
        thread.setDaemon(true);
    }

    static ChaincodeEventFeed start(Network network, String chaincode, long startBlock,
            Consumer<LedgerEvent> listener) {
        ChaincodeEventFeed feed = new ChaincodeEventFeed(network, chaincode, startBlock, listener);
        feed.thread.start();
        return feed;
    }

    private void run() {
        while (!closed) {
            try {
                while (events.hasNext()) {
                    ChaincodeEvent event = events.next();
                    deliver(event);
                    checkpoint.checkpointChaincodeEvent(event);
                }
            } catch (RuntimeException e) {
                if (closed) {
                    return; // close() cancelled the stream
                }
                LOG.log(System.Logger.Level.WARNING, "chaincode event stream of " + chaincode + " broke ("
                        + e.getMessage() + "); reconnecting");
            }
            if (!pause()) {
                return;
            }
            // after the last event delivered; before any, from where the subscription started
            events = network.newChaincodeEventsRequest(chaincode).startBlock(startBlock).checkpoint(checkpoint)
                    .build().getEvents();
            if (closed) {
                events.close(); // close() ran while this stream was being opened
            }
        }
    }

    private void deliver(ChaincodeEvent event) {
        try {
            listener.accept(new LedgerEvent(event.getBlockNumber(), event.getTransactionId(), event.getEventName(),
                    new String(event.getPayload(), StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            // a listener's bug must not stop the delivery to it of later events
            LOG.log(System.Logger.Level.ERROR, "a chaincode event listener failed", e);
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(1_000);
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        events.close();
        thread.interrupt();
    }
}
