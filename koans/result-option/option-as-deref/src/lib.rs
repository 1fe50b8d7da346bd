pub struct User {
    pub name: String,
    pub nickname: Option<String>,
}

impl User {
    /// What to call the user: the nickname when there is one, otherwise the name.
    pub fn display_name(&self) -> &str {
        match self.nickname {
            Some(nickname) => &nickname,
            None => &self.name,
        }
    }
}

#[cfg(test)]
mod tests;
