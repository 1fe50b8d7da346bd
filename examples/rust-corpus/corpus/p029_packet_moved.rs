// Transpiled from: network.c
struct Packet {
    id: u32,
    payload: Vec<u8>,
}

fn send(p: Packet) -> usize {
    println!("sending packet {}", p.id);
    p.payload.len()
}

fn main() {
    let packet = Packet { id: 1, payload: vec![1, 2, 3] };
    let sent = send(packet);
    println!("sent {} bytes of packet {}", sent, packet.id);
}
