def test_demo_home_page_renders(client, demo_site):
    response = client.get("/")
    assert response.status_code == 200
    assert "Metodika" in response.content.decode()
