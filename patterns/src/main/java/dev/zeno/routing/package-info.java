/**
 * Routing strategies that socket types are composed from, each with one job and used by the
 * socket's one thread: {@link dev.zeno.routing.LoadBalancer} (round-robin send to peers with
 * room), {@link dev.zeno.routing.FairQueue} (receive from peers in turn),
 * {@link dev.zeno.routing.Distributor} (fan the same message out, dropping at the high-water
 * mark), {@link dev.zeno.routing.SubscriptionTrie} (a subscriber's counted prefix filters),
 * {@link dev.zeno.routing.SubscriberTrie} (a publisher's per-topic sets of subscribers),
 * {@link dev.zeno.routing.SubscriptionMessages} (the 0x01/0x00 subscription message form) and
 * {@link dev.zeno.routing.RoutingTable} (a ROUTER's identities).
 */
package dev.zeno.routing;
